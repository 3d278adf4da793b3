/**
 * Container wire records: config, host config, create, summary, inspect, wait.
 */
package io.berth.api.model.container;
