/**
 * Reading conmon's k8s-file container logs, whole or followed. Pure code over files.
 */
package io.berth.runtime.log;
