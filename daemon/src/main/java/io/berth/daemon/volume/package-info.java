/** Volumes as the API shows them. */
package io.berth.daemon.volume;
