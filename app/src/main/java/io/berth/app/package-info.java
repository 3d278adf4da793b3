/**
 * berthd's composition root: flags, wiring by hand, the pid file, sockets and shutdown order. No logic of its own.
 */
package io.berth.app;
