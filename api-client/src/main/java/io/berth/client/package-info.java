/**
 * A client of the Docker Engine REST API as the Berth daemon serves it: host resolution, versioned
 * requests over a unix socket or TCP, error responses decoded into the engine's exception family,
 * and the two stream formats the API uses (stdcopy frames and JSON progress messages).
 */
package io.berth.client;
