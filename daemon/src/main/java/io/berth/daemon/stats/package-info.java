/** Container resource usage as {@code docker stats} reads it. */
package io.berth.daemon.stats;
