"""A SparkSession for sitrep's jobs: the master asked for, else the one spark-submit set, else local[*]."""

from __future__ import annotations

import os
import sys

from pyspark import SparkConf
from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"


def spark_session(master: str | None = None, *, app_name: str = "sitrep") -> SparkSession:
    """Start (or join) a session. Local masters run this interpreter in their workers, bound to the loopback."""
    master = master or SparkConf().get("spark.master", None) or DEFAULT_MASTER
    builder = SparkSession.builder.appName(app_name).master(master)
    if master.startswith("local"):
        # Workers must be this interpreter (it has sitrep and its model); the loopback avoids a host name
        # that does not resolve, and no web UI port is taken on a shared machine.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        if os.environ.get("PYTHONPATH"):  # a source checkout rather than an install
            builder = builder.config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
    return builder.getOrCreate()
