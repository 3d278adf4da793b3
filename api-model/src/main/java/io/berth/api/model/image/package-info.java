/**
 * Image wire records: summaries, inspect, delete items.
 */
package io.berth.api.model.image;
