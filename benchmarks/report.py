"""stub"""
import json
def render(results, quick=False):
    return json.dumps(results, indent=1, default=str)
