import sys

from statlint.cli.entry import main

sys.exit(main())
