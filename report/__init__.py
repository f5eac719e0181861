"""The analysts' HTML report: inline-SVG charts from the published warehouse."""
