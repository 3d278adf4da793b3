/**
 * The HTTP/1.1 layer under the Docker-compatible API: a Netty epoll server for Unix and TCP
 * sockets that runs each request on its own virtual thread, streams request and response bodies
 * with backpressure instead of aggregating them, and can hand a connection over as a raw duplex
 * byte stream for Docker's attach and exec endpoints. Handlers see only {@link
 * io.berth.http.HttpRequest}, {@link io.berth.http.HttpResponse} and {@link io.berth.http.Hijacked}
 * (and {@link io.berth.http.MalformedRequestException} from a body the client garbled); no Netty
 * type leaks out.
 */
package io.berth.http;
