/**
 * Containers as immutable snapshots with a sealed ContainerState, and their store (index by id, name and prefix; atomic JSON records).
 */
package io.berth.daemon.container;
