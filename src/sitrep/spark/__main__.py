"""The spark-submit entry point: the arguments of `sitrep spark extract`.

    spark-submit --master spark://head:7077 "$(python -c 'import sitrep.spark.__main__ as m; print(m.__file__)')" \
        INPUT OUTPUT
    python -m sitrep.spark INPUT OUTPUT --master local[2]
"""

import sys

from sitrep.cli import app  # absolute: spark-submit runs this file as a script

if __name__ == "__main__":
    app(["spark", "extract", *sys.argv[1:]], prog_name="sitrep")
