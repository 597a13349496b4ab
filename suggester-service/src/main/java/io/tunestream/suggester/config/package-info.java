/** CDI wiring of the suggester's plain-Java core. */
package io.tunestream.suggester.config;
