/**
 * The multilayer perceptron of the {@code builtin} backend: its hyperparameters (parsed and checked
 * from a trial's parameters, every unknown or out-of-range value an error that names the parameter and
 * the rule), its learning-rate schedules, and the DJL block that implements it.
 */
package io.tunestream.training.model;
