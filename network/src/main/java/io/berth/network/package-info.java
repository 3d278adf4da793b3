/**
 * Bridge networking's parts: subnets, address leases, network namespaces kept as files, and
 * netavark, which makes the links, firewall rules and DNS entries. Nothing here is wired to
 * containers yet.
 */
package io.berth.network;
