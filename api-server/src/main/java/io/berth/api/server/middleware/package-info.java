/**
 * ErrorMapper: the only place an error category becomes an HTTP status.
 */
package io.berth.api.server.middleware;
