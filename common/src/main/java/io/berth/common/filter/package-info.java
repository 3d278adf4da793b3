/**
 * Docker's filter arguments as an immutable multimap, in both the current and the legacy JSON form.
 */
package io.berth.common.filter;
