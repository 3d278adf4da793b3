/**
 * The JSON message of progress streams (import, pull, bootstrap).
 */
package io.berth.api.model.stream;
