/**
 * The training core of the {@code builtin} backend, plain Java with DJL and its PyTorch engine and no
 * framework: datasets and their splits ({@code data}), the multilayer perceptron and its
 * hyperparameters ({@code model}), and experiments that train it epoch by epoch, cross-validate it and
 * evaluate the chosen configuration once on the held-out test set ({@code run}).
 */
package io.tunestream.training;
