/**
 * The SystemBackend: version and info.
 */
package io.berth.daemon.system;
