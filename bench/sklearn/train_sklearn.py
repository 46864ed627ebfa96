"""The same pipeline as alpha12's ModelTrainer, in scikit-learn, for bench/train-vs-sklearn.sh.

Walk-forward out-of-fold predictions with TimeSeriesSplit(n_splits, gap=H), a fold with one class in its
training or validation rows skipped; Platt (sigmoid) calibration fitted on the out-of-fold predictions
only; then the forest refitted on all rows. Prints the same key=value lines as TrainBenchmark.

usage: train_sklearn.py DATASET.csv TREES MAX_DEPTH MAX_LEAF_NODES MIN_SAMPLES_LEAF FOLDS GAP N_JOBS
(MAX_DEPTH in scikit-learn's counting: Smile's maxDepth minus 1.)
"""
import sys
import time

import numpy as np
from sklearn.calibration import _SigmoidCalibration
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit


def main():
    path = sys.argv[1]
    trees, max_depth, max_leaf_nodes, min_samples_leaf, folds, gap, n_jobs = map(int, sys.argv[2:9])
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = data[:, 1:-1], data[:, -1].astype(int)

    def forest():
        return RandomForestClassifier(n_estimators=trees, max_depth=max_depth, max_leaf_nodes=max_leaf_nodes,
                                      min_samples_leaf=min_samples_leaf, max_features="sqrt", bootstrap=True,
                                      n_jobs=n_jobs, random_state=42)

    start = time.perf_counter()
    raw, truth, used, skipped = [], [], 0, 0
    for train, valid in TimeSeriesSplit(n_splits=folds, gap=gap).split(x):
        if len(np.unique(y[train])) < 2 or len(np.unique(y[valid])) < 2:
            skipped += 1
            continue
        model = forest().fit(x[train], y[train])
        raw.append(model.predict_proba(x[valid])[:, 1])
        truth.append(y[valid])
        used += 1
    raw, truth = np.concatenate(raw), np.concatenate(truth)
    calibrator = _SigmoidCalibration().fit(raw, truth)
    calibrated = calibrator.predict(raw)
    final = forest().fit(x, y)
    train_accuracy = np.mean((calibrator.predict(final.predict_proba(x)[:, 1]) > 0.5) == y)
    seconds = time.perf_counter() - start
    leaves = np.mean([e.get_n_leaves() for e in final.estimators_])
    print("sklearn rows=%d trees=%d max_depth=%d max_leaf_nodes=%d min_samples_leaf=%d folds=%d gap=%d n_jobs=%d"
          % (len(y), trees, max_depth, max_leaf_nodes, min_samples_leaf, folds, gap, n_jobs))
    print("sklearn train_seconds=%.3f oof_auc=%.4f oof_brier=%.5f oof_accuracy=%.4f train_accuracy=%.4f"
          " used_folds=%d skipped=%d mean_leaves=%.1f"
          % (seconds, roc_auc_score(truth, calibrated), brier_score_loss(truth, calibrated),
             np.mean((calibrated > 0.5) == truth), train_accuracy, used, skipped, leaves))


if __name__ == "__main__":
    main()
