/** Volumes on the wire: dockerd's Volume object, the create request, prune's answer. */
package io.berth.api.model.volume;
