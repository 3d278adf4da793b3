/**
 * Container output for clients: logs and attach, both read from conmon's log; stdin goes to conmon's attach socket.
 */
package io.berth.daemon.stream;
