/** The suggester's REST API: create, read and stop studies. */
package io.tunestream.suggester.rest;
