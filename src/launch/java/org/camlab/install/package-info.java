/**
 * What camlab needs before any of it runs: a Java runtime new enough, an installation with all its
 * jars, and a cache directory of the user's for the native libraries. Compiled for Java 8 (a
 * source root of its own in the build), so that an older runtime reaches these checks and says in
 * one line what is wrong instead of failing to load camlab's classes. It depends on no other
 * camlab package; the rest of camlab may use it.
 */
package org.camlab.install;
