/** Blobs by digest, written only through an ingest that verifies what arrived before it becomes visible. */
package io.berth.image.content;
