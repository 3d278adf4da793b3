/** Exec sessions: more processes in a running container, each under a conmon of its own. */
package io.berth.daemon.exec;
