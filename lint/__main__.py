from statlint.cli import main

raise SystemExit(main())
