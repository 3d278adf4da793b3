/**
 * Bridge networking's parts: subnets, address leases, network namespaces kept as files, and
 * netavark, which makes the links, firewall rules and DNS entries; held host ports and Berth's
 * own FORWARD chain.
 */
package io.berth.network;
