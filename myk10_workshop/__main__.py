import sys

from myk10_workshop.app import main

sys.exit(main())
