"""sitrep on Apache Spark (`sitrep spark extract`): the same pipeline, one model load per Python worker.

`session` starts or joins a SparkSession, `extract` runs `pipeline.process` over partitions of the input
and writes incidents and errors, `fuse` fuses the incident reports in blocks of country and days. PySpark
is an optional dependency (`pip install 'sitrep[spark]'`); nothing else in sitrep imports this package.
"""
