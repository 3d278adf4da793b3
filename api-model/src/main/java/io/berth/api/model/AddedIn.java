package io.berth.api.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API version that introduced a response field: clients that ask for an older version do not
 * get it, as dockerd leaves it out for them. The API server's response encoder enforces this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface AddedIn {
  /** A version such as {@code 1.46}. */
  String value();
}
