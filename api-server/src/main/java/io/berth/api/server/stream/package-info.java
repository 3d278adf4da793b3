/**
 * Stream framing: Docker's stdcopy multiplexing and JSON progress messages.
 */
package io.berth.api.server.stream;
