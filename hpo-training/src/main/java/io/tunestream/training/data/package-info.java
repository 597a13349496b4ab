/**
 * Classification datasets held in memory (the bundled UCI optical digits, CSV files, IDX files such as
 * Fashion-MNIST), stratified seeded splits into train / validation / test and k folds, and feature
 * standardization fitted on the training part only.
 */
package io.tunestream.training.data;
