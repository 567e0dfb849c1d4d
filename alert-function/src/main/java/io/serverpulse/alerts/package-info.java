/**
 * {@code alert-function} (AWS mode): {@code post} reads the collector's payload and hands it to
 * {@code common}'s alert poster (the one both modes post with), {@code drops} is the hourly
 * activity-drop check of every guild,
 * {@code lambda} holds the two thin Lambda handlers and their wiring.
 */
package io.serverpulse.alerts;
