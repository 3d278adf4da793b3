/**
 * A small blocking HTTP/1.1 client for the CLI, built on JDK socket channels alone (Unix or TCP)
 * so that a command starts without loading Netty: plain requests with fixed or chunked bodies,
 * responses whose bodies stream (dechunked or length-bounded), and Docker's connection hijack for
 * attach and exec, where the connection turns into a raw duplex byte stream.
 */
package io.berth.http.client;
