"""Excel intake on screen: the import wizard and the dialog merging a person recorded twice."""
