"""A run's history: epochs recorded as twelve weights, evaluated together when read, read whole or since an epoch."""

import random
import threading

import pytest
import torch

from lstm.training.data import companies
from lstm.training.evaluation import evaluate_recorded, evaluate_tensors
from lstm.training.history import History
from lstm.training.model import LSTMbyHand
from lstm.unit.weights import NAMES


def models(count: int) -> list[LSTMbyHand]:
    generator = torch.Generator().manual_seed(33)
    made = []
    for seed in range(count):
        model = LSTMbyHand(seed=seed)
        with torch.no_grad():
            for parameter in model.parameters():
                parameter.add_(torch.randn((), generator=generator) * 2)
        made.append(model)
    return made


def weights_of(model: LSTMbyHand) -> torch.Tensor:
    with torch.no_grad():
        return torch.stack(list(model.parameters()))


def test_recorded_epochs_evaluate_to_the_models_own_loss_and_predictions():
    data = companies()
    kept = models(40)
    loss, predictions, weights = evaluate_recorded([weights_of(model) for model in kept], data, position=5)
    for index, model in enumerate(kept):
        want_loss, want_predictions, want_weights = evaluate_tensors(model, data)
        assert loss[index] == pytest.approx(want_loss, rel=1e-6, abs=1e-6)
        for name in ("A", "B"):
            assert predictions[name][index] == pytest.approx(want_predictions[name], rel=1e-6, abs=1e-6)
        assert weights[index] == want_weights


def test_an_epoch_s_numbers_never_depend_on_which_epochs_were_evaluated_with_it():
    data = companies()
    rows = list((torch.randn(300, 12, generator=torch.Generator().manual_seed(1)) * 3).unbind())
    whole = evaluate_recorded(rows, data)
    rng = random.Random(2)
    for _ in range(60):
        first = rng.randrange(300)
        last = rng.randrange(first + 1, 301)
        loss, predictions, __ = evaluate_recorded(rows[first:last], data, position=first)
        assert loss == whole[0][first:last]
        assert predictions == {name: values[first:last] for name, values in whole[1].items()}


def evaluated_history() -> History:
    data = companies()
    return History(evaluator=lambda rows, position: evaluate_recorded(rows, data, position))


def test_a_history_reads_recorded_epochs_in_order_whole_or_past_an_epoch():
    history = evaluated_history()
    kept = models(10)
    for epoch, model in enumerate(kept):
        history.record(epoch, weights_of(model))
        if epoch == 4:
            assert history.view().epochs == [0, 1, 2, 3, 4]  # read halfway: the rest still to come
    assert len(history) == 10 and history.last_epoch() == 9
    view = history.view()
    assert view.epochs == list(range(10)) and len(view.loss) == 10 and len(view.predictions["A"]) == 10
    assert [view.weights[name][3] for name in NAMES] == weights_of(kept[3]).tolist()
    since = history.view(after=6)
    assert since.epochs == [7, 8, 9] and since.loss == view.loss[7:]
    assert since.weights["wo2"] == view.weights["wo2"][7:]
    # Past the last epoch there is nothing new, but the last entry is always there: the run as it stands.
    assert history.view(after=9).epochs == [9] and history.view(after=50).loss == view.loss[-1:]


def test_a_history_appends_evaluated_entries_after_the_recorded_ones():
    history = evaluated_history()
    history.record(0, weights_of(models(1)[0]))
    history.append(1, 0.5, {"A": 0.1, "B": 0.9}, [0.0] * 12)
    view = history.view()
    assert view.epochs == [0, 1] and view.loss[1] == 0.5 and view.predictions["B"] == [view.predictions["B"][0], 0.9]


def test_a_history_read_while_a_worker_records_loses_and_repeats_no_epoch():
    history = evaluated_history()
    row = weights_of(models(1)[0])
    done = threading.Event()

    def worker() -> None:
        for epoch in range(3000):
            history.record(epoch, row)
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    seen = []
    while not done.is_set() or len(seen) < 3000:
        seen.extend(
            epoch for epoch in history.view(after=seen[-1] if seen else -1).epochs if not seen or epoch > seen[-1]
        )
    thread.join()
    assert seen == list(range(3000))
    assert history.view().epochs == seen
