/**
 * Create, start, stop, kill, remove and wait, the ContainerBackend facade, and turning conmon's exit files into state. Per-container locks; never a daemon-wide one.
 */
package io.berth.daemon.lifecycle;
