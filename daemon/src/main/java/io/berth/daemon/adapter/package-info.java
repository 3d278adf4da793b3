/**
 * Adapters from the image module to the API's ImageBackend and to the lifecycle's ImageAccess: the translation between domain and wire records.
 */
package io.berth.daemon.adapter;
