/**
 * One router per API resource: parse the request, call the backend, encode the result. No business logic.
 */
package io.berth.api.server.router;
