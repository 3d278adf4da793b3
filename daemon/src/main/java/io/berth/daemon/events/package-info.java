/** The daemon's events: one bus, the last ones kept for {@code since}, live ones to subscribers. */
package io.berth.daemon.events;
