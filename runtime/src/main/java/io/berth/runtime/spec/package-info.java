/**
 * OCI runtime-spec records and SpecGenerator, the pure function from a container's settings to Docker's default security baseline.
 */
package io.berth.runtime.spec;
