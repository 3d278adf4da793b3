/**
 * The only native code, through FFM: mount, umount2, mknod, extended attributes, pipes, posix_spawn with inherited descriptors and SOCK_SEQPACKET sockets. Each binding is a small typed static method that checks errno.
 */
package io.berth.linux;
