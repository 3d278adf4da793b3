/**
 * runc through its CLI with one conmon per container: bundles in, pids and exit codes out. Depends on common and linux only; no HTTP, no Docker API types.
 */
package io.berth.runtime;
