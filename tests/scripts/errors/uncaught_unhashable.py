seen = {}
seen[[1, 2]] = 'list key'
