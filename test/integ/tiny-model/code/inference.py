"""A tiny model for the integration tests: it sums the numbers of a JSON request.

Served by the SageMaker scikit-learn container, which imports this module (SAGEMAKER_PROGRAM) from
/opt/ml/model/code (SAGEMAKER_SUBMIT_DIRECTORY) and calls the four handler functions below:
https://sagemaker.readthedocs.io/en/stable/frameworks/sklearn/using_sklearn.html#deploy-a-scikit-learn-model
It needs no third-party package: the answer depends only on the request, model.json and the environment.
"""
import json
import os


def model_fn(model_dir):
    """Loads model.json from the unpacked model.tar.gz: proves the artifacts reached the container."""
    with open(os.path.join(model_dir, "model.json")) as f:
        return json.load(f)


def input_fn(request_body, content_type):
    """Accepts {"numbers": [...]} as application/json."""
    if content_type != "application/json":
        raise ValueError("unsupported content type: " + str(content_type))
    return json.loads(request_body)


def predict_fn(data, model):
    """The sum of the numbers, with the model's name and the pool whose model served (TINY_MODEL_POOL)."""
    return {
        "model": model["name"],
        "pool": os.environ.get("TINY_MODEL_POOL", "none"),
        "sum": sum(data["numbers"]),
    }


def output_fn(prediction, accept):
    """JSON with sorted keys, so the tests can expect an exact body."""
    return json.dumps(prediction, sort_keys=True), "application/json"
