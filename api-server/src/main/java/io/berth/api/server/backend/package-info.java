/**
 * The Backend interfaces the routers need and their option records: the whole contract with the daemon.
 */
package io.berth.api.server.backend;
