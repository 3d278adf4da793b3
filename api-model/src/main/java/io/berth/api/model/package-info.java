/**
 * Docker Engine API wire records with explicit JSON names, and ApiVersion.
 */
package io.berth.api.model;
