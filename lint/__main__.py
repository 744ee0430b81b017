import sys

from statlint.entry import main

sys.exit(main())
