/** Docker's network wire records. */
package io.berth.api.model.network;
