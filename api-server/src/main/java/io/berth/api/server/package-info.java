/**
 * The Docker Engine API over the http module: version negotiation, routing to routers, and error bodies. Imports no domain module.
 */
package io.berth.api.server;
